//! The value axis: values to CSS pixels and back, linear or logarithmic, and round tick steps.

/// Maps values to horizontal CSS pixels and back, for one panel: linearly from zero at `left`, or
/// logarithmically from `log_min` at `left` when that is above zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueScale {
    pub left: f64,
    pub right: f64,
    /// The value at `right`: the panel's largest value rounded up to a tick.
    pub max: f64,
    /// The value at `left` on a logarithmic scale (a power of ten); 0 for a linear scale.
    pub log_min: f64,
}

impl ValueScale {
    pub fn x_from_value(&self, value: f64) -> f64 {
        let t = if self.log_min > 0.0 {
            if value <= self.log_min {
                0.0
            } else {
                // Differences of logarithms: a ratio of extreme values would overflow to infinity.
                (value.log10() - self.log_min.log10()) / (self.max.log10() - self.log_min.log10())
            }
        } else {
            value / self.max
        };
        self.left + (self.right - self.left) * t
    }

    pub fn value_from_x(&self, x: f64) -> f64 {
        let t = (x - self.left) / (self.right - self.left);
        if self.log_min > 0.0 {
            10f64.powf(self.log_min.log10() + t * (self.max.log10() - self.log_min.log10()))
        } else {
            t * self.max
        }
    }
}

/// The axis for values up to `data_max` with at most `max_steps` ticks after zero: the round step
/// (1, 2, 2.5 or 5 × 10ⁿ; whole for counts) whose last tick stands closest above the data, so 24,000
/// gets an axis to 25,000 rather than 40,000. Ties go to more ticks. Returns (step, axis end).
pub fn nice_axis(data_max: f64, max_steps: usize, whole: bool) -> (f64, f64) {
    if !(data_max.is_finite() && data_max > 1e-300) {
        return (1.0, 1.0);
    }
    let mut best = (f64::INFINITY, 0usize, 1.0);
    for steps in 1..=max_steps.max(1) {
        let raw = data_max / steps as f64;
        let magnitude = power_of_ten(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .filter(|s| !whole || s.fract() == 0.0)
            .find(|s| *s >= raw * (1.0 - 1e-12))
            .unwrap_or(10.0 * magnitude);
        let step = if whole { step.max(1.0) } else { step };
        let n = (data_max / step * (1.0 - 1e-12)).ceil().max(1.0) as usize;
        let end = n as f64 * step;
        if n <= max_steps.max(1) && (end < best.0 * (1.0 - 1e-12) || (end <= best.0 * (1.0 + 1e-12) && n > best.1)) {
            best = (end, n, step);
        }
    }
    (best.2, best.0)
}

/// A tick step of 1, 2 or 5 × 10ⁿ giving at most `count` steps up to `max`.
pub fn tick_step(max: f64, count: usize) -> f64 {
    let raw = max / count.max(1) as f64;
    // Below about 1e-300 the power of ten underflows to zero; such values draw as nothing anyway.
    if !(raw.is_finite() && raw > 1e-300) {
        return 1.0;
    }
    let magnitude = power_of_ten(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude)
}

/// 10ⁿ for a whole `n`, by multiplying: exact up to 10²², and no `powf` (1.3 KB of Wasm).
pub(crate) fn power_of_ten(n: f64) -> f64 {
    let mut power = 1.0;
    for _ in 0..(n.abs() as u32).min(400) {
        power *= 10.0;
    }
    if n < 0.0 {
        1.0 / power
    } else {
        power
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_both_ways() {
        let s = ValueScale { left: 10.0, right: 210.0, max: 1000.0, log_min: 0.0 };
        assert_eq!(s.x_from_value(500.0), 110.0);
        assert_eq!(s.value_from_x(110.0), 500.0);
        assert_eq!(s.x_from_value(0.0), 10.0);
        let log = ValueScale { left: 0.0, right: 300.0, max: 1e6, log_min: 1e3 };
        assert!((log.x_from_value(1e4) - 100.0).abs() < 1e-9);
        assert!((log.value_from_x(200.0) - 1e5).abs() < 1e-6);
        assert_eq!(log.x_from_value(0.0), 0.0);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(2545.0, 5), 1000.0);
        assert_eq!(tick_step(3_700_000.0, 4), 1_000_000.0);
        assert_eq!(tick_step(84.0, 3), 50.0);
        assert_eq!(tick_step(170.0, 1), 200.0);
        // Nothing to step over: a step of 1, never zero or infinite.
        for max in [0.0, f64::INFINITY, f64::NAN, 1e-300] {
            assert_eq!(tick_step(max, 1), 1.0, "{max}");
        }
    }

    #[test]
    fn axes_end_at_a_round_value_just_above_the_data() {
        // (data, most steps, whole) → (step, end)
        for (max, steps, whole, want) in [
            (24_000.0, 2, true, (25_000.0, 25_000.0)),
            (24_000.0, 5, true, (5_000.0, 25_000.0)),
            (2_545.0, 5, true, (1_000.0, 3_000.0)),
            (1.0, 5, true, (1.0, 1.0)),
            (3.0, 2, true, (2.0, 4.0)),
            (0.3, 2, false, (0.2, 0.4)),
            (280_000.0, 4, true, (100_000.0, 300_000.0)),
        ] {
            assert_eq!(nice_axis(max, steps, whole), want, "{max} in {steps}");
        }
        // Never below the data, never more steps than asked.
        for max in [1.0, 7.0, 13.0, 99.0, 405.0, 914.0, 2_610.0, 3_700_000.0] {
            for steps in 1..=5 {
                let (step, end) = nice_axis(max, steps, true);
                assert!(end >= max && (end / step).round() as usize <= steps, "{max} {steps}: {step} {end}");
            }
        }
    }

    #[test]
    fn powers_of_ten_are_exact() {
        for n in -22..=22 {
            assert_eq!(power_of_ten(n as f64), 10f64.powi(n), "10^{n}");
        }
        assert_eq!(power_of_ten(-400.0), 0.0);
        assert_eq!(power_of_ten(400.0), f64::INFINITY);
    }
}
