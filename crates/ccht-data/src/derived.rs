//! Derived values: figures no source states, computed by us from records that a source does
//! state, and marked `derived` wherever they are shown. The one rule so far is
//! `before-increase(A, B)`: the value before an increase of B percent led to A, A ÷ (1 + B/100).

use crate::quote::quoted;
use crate::tables::{Component, Metric, Qualifier, Record};
use std::borrow::Cow;

/// Resolves every derived record's inputs, wherever they stand in the file, and holds its value
/// within half a unit of what they give. Returns each problem with its line in `records.csv`.
pub(crate) fn resolve_derived(
    records: &mut [Record],
    components: &[Component],
    metrics: &[Metric],
) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    for i in 0..records.len() {
        if records[i].qualifier != Qualifier::Derived {
            continue;
        }
        let line = records[i].line as usize;
        match derive(records, components, metrics, &records[i].derivation) {
            Ok((inputs, value)) => {
                if (value - records[i].value).abs() > 0.5 {
                    let reason =
                        format!("value {} differs from what derived_from computes, {value:.2}", records[i].value);
                    problems.push((line, reason));
                }
                records[i].derived_from = Cow::Owned(inputs);
            }
            Err(reason) => problems.push((line, reason)),
        }
    }
    problems
}

/// Reads `before-increase(usss/stakeholders-reached/2024, usss/stakeholders-change/2024)`. Returns
/// the inputs' indices and the computed value.
fn derive(
    records: &[Record],
    components: &[Component],
    metrics: &[Metric],
    formula: &str,
) -> Result<(Vec<usize>, f64), String> {
    let usage = "derived_from must read before-increase(component/metric/year, component/metric/year)";
    let args = formula.trim().strip_prefix("before-increase(").and_then(|r| r.strip_suffix(')')).ok_or(usage)?;
    let refs: Vec<&str> = args.split(',').map(str::trim).collect();
    if refs.len() != 2 {
        return Err(usage.into());
    }
    let mut inputs = Vec::new();
    for r in &refs {
        let parts: Vec<&str> = r.split('/').collect();
        let [c, m, y] = parts[..] else { return Err(format!("{}: {usage}", quoted(r))) };
        let found = records.iter().position(|rec| {
            components[rec.component].id == c && metrics[rec.metric].id == m && rec.fiscal_year.to_string() == y
        });
        match found {
            Some(i) if records[i].qualifier != Qualifier::Derived => inputs.push(i),
            Some(_) => return Err(format!("{} is itself derived; derive from stated figures only", quoted(r))),
            None => return Err(format!("{} names no record in records.csv", quoted(r))),
        }
    }
    let (a, b) = (&records[inputs[0]], &records[inputs[1]]);
    if b.value <= -100.0 {
        return Err("the increase must be above -100%".into());
    }
    Ok((inputs, a.value / (1.0 + b.value / 100.0)))
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::load_full_records;

    #[test]
    fn derived_records_are_computed_from_named_inputs() {
        let base = "2024,hsi,arrests,184,exact,184,r,,,,,\n2024,hsi,change,84,exact,84%,r,,,,,\n";
        let good = format!("{base}2023,hsi,arrests,100,derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2024, hsi/change/2024)\"\n");
        let d = load_full_records(&good).unwrap();
        assert_eq!(d.records[2].derived_from.as_ref(), &[0, 1]);
        let wrong = good.replace("2023,hsi,arrests,100,", "2023,hsi,arrests,120,");
        assert!(load_full_records(&wrong).unwrap_err()[0]
            .reason
            .contains("differs from what derived_from computes, 100.00"));
        let missing = good.replace("hsi/change/2024", "hsi/change/2022");
        assert!(load_full_records(&missing).unwrap_err()[0].reason.contains("names no record"));
        let unnamed = format!("{base}2023,hsi,arrests,100,derived,,r,,,,,\n");
        assert!(load_full_records(&unnamed).unwrap_err()[0].reason.contains("derived_from is required"));
        let half_note = format!("{base}2022,hsi,arrests,1,exact,1,r,,,a note,,\n");
        assert!(load_full_records(&half_note).unwrap_err()[0].reason.contains("note and note_es"));
    }

    #[test]
    fn derived_values_are_kept_within_half_a_unit_and_never_chained() {
        let base = "2024,hsi,arrests,200,exact,200,r,,,,,\n2024,hsi,change,100,exact,100%,r,,,,,\n";
        // 200 ÷ 2 = 100 exactly: 100.5 is within half a unit of it, 100.51 is not.
        let derived = |value: &str| {
            format!("{base}2023,hsi,arrests,{value},derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2024, hsi/change/2024)\"\n")
        };
        assert!(load_full_records(&derived("100.5")).is_ok());
        assert!(load_full_records(&derived("100.51")).is_err());
        // Nothing is derived from a derived figure.
        let chained = format!(
            "{}2022,hsi,arrests,50,derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2023, hsi/change/2024)\"\n",
            derived("100")
        );
        assert!(load_full_records(&chained).unwrap_err()[0].reason.contains("is itself derived"), "{chained}");
    }

    #[test]
    fn formulas_are_read_strictly() {
        let base = "2024,hsi,arrests,184,exact,184,r,,,,,\n2024,hsi,change,84,exact,84%,r,,,,,\n";
        let with = |formula: &str| {
            let rows = format!("{base}2023,hsi,arrests,100,derived,,r,,,why,por qué,\"{formula}\"\n");
            load_full_records(&rows).unwrap_err()[0].reason.clone()
        };
        let usage = "derived_from must read before-increase(component/metric/year, component/metric/year)";
        assert_eq!(with("after-increase(hsi/arrests/2024, hsi/change/2024)"), usage);
        assert_eq!(with("before-increase(hsi/arrests/2024)"), usage);
        assert_eq!(with("before-increase(hsi/arrests, hsi/change/2024)"), format!("\"hsi/arrests\": {usage}"));
    }
}
