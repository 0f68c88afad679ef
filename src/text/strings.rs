//! Interface strings in English and Spanish, and the languages this build offers.
//!
//! Every string a reader sees, in the page or in the chart, is a key here with both languages;
//! data names (components, kinds, metrics) carry their Spanish in the CSV files. `{0}`, `{1}`…
//! mark where [`fill`] puts values.

use ccht_data::Lang;

/// The languages this build speaks. Spanish needs the `spanish` feature: the first view's lean
/// Wasm is built without it, and the page fetches the complete build when a reader picks it.
#[cfg(feature = "spanish")]
pub const LANGS: &[Lang] = &[Lang::En, Lang::Es];
#[cfg(not(feature = "spanish"))]
pub const LANGS: &[Lang] = &[Lang::En];

/// The language a code names, if this build speaks it.
pub fn parse_lang(id: &str) -> Option<Lang> {
    LANGS.iter().copied().find(|l| l.id() == id)
}

/// The table below, with each Spanish string left out ("") of builds without the `spanish` feature.
macro_rules! strings {
    ($(($key:expr, $en:expr, $es:expr)),* $(,)?) => {
        &[$(($key, $en, if cfg!(feature = "spanish") { $es } else { "" })),*]
    };
}

/// (key, English, Spanish).
pub const STRINGS: &[(&str, &str, &str)] = strings![
    // The page.
    ("page_title", "DHS counter-human-trafficking figures", "Cifras del DHS contra la trata de personas"),
    ("h1", "DHS counter-human-trafficking figures", "Cifras del DHS contra la trata de personas"),
    ("lede", "What the Department of Homeland Security reported doing against human trafficking, from the Center for Countering Human Trafficking's annual reports and earlier releases. Choose a chart, a DHS component and a measure.", "Lo que el Departamento de Seguridad Nacional informó haber hecho contra la trata de personas, según los informes anuales del Centro para Combatir la Trata de Personas y comunicados anteriores. Elija un gráfico, un componente del DHS y una medida."),
    ("about_heading", "About these figures", "Acerca de estas cifras"),
    ("controls_label", "Chart options", "Opciones del gráfico"),
    ("controls_toggle", "Change the chart", "Cambiar el gráfico"),
    ("legend_chart", "Chart", "Gráfico"),
    ("view_component", "One component", "Un componente"),
    ("view_metric", "Compare components", "Comparar componentes"),
    ("view_trend", "Over the years", "A lo largo de los años"),
    ("view_pipeline", "Enforcement pipeline", "Cadena de aplicación de la ley"),
    ("label_component", "Component", "Componente"),
    ("label_metric", "Measure", "Medida"),
    ("label_fy", "Fiscal year", "Año fiscal"),
    ("legend_scale", "Scale", "Escala"),
    ("scale_linear", "Linear", "Lineal"),
    ("scale_log", "Logarithmic", "Logarítmica"),
    ("label_lang", "Language", "Idioma"),
    ("loading", "Loading the chart…", "Cargando el gráfico…"),
    (
        "choice_waiting",
        "Loading the chart… Your choice will be shown as soon as it is ready.",
        "Cargando el gráfico… Su elección se mostrará en cuanto esté listo."
    ),
    ("chart_loading", "The chart is loading.", "El gráfico se está cargando."),
    ("keys_help", "Keyboard: the arrow keys move between bars and cards, Home and End jump, Enter shows a figure’s source (and, on a card, Tab reaches its trend), Escape closes.", "Teclado: las flechas recorren barras y tarjetas, Inicio y Fin saltan, Intro muestra la fuente de una cifra (y, en una tarjeta, Tab llega a su evolución), Escape cierra."),
    ("table_heading", "The chart’s figures as a table", "Las cifras del gráfico en una tabla"),
    ("show_table", "Show table", "Mostrar tabla"),
    ("hide_table", "Hide table", "Ocultar tabla"),
    ("tools_label", "Download, cite or embed this chart", "Descargar, citar o insertar este gráfico"),
    ("share", "Download and share", "Descargar y compartir"),
    ("download_png", "Download PNG", "Descargar PNG"),
    ("download_svg", "Download SVG", "Descargar SVG"),
    ("download_csv", "Download CSV", "Descargar CSV"),
    ("cite", "Cite", "Citar"),
    ("embed", "Embed", "Insertar"),
    ("open_full", "Open the full chart", "Abrir el gráfico completo"),
    ("embed_label", "Embed code for this view (copied to your clipboard when possible)", "Código para insertar esta vista (se copia al portapapeles cuando es posible)"),
    ("copied", "Copied to the clipboard.", "Copiado al portapapeles."),
    ("preparing_file", "Preparing the file…", "Preparando el archivo…"),
    ("copy_manually", "Select the code and copy it.", "Seleccione el código y cópielo."),
    ("sources_heading", "Where these figures come from", "De dónde proceden estas cifras"),
    ("data_updated", "Figures last updated {0} (data version {1}).", "Cifras actualizadas el {0} (versión {1} de los datos)."),
    ("changelog_link", "What changed in each version", "Qué cambió en cada versión"),
    ("data_download", "Download all the figures: their CSV files, schema and a README with the cautions (ZIP)", "Descargar todas las cifras: sus archivos CSV, su esquema y un README con las advertencias (ZIP)"),
    ("sources_link", "More on the sources", "Más sobre las fuentes"),
    ("source_primary", "Primary source: a US Government page or a verbatim repost of a DHS release.", "Fuente primaria: una página del Gobierno de EE. UU. o una reproducción literal de un comunicado del DHS."),
    ("source_secondary", "Secondary source: a third-party article reporting the figure, not DHS itself.", "Fuente secundaria: un artículo de terceros que informa la cifra, no el propio DHS."),
    ("hotline_report", "To report suspected human trafficking to law enforcement, anonymously online or by phone:", "Para denunciar ante las autoridades una sospecha de trata de personas, de forma anónima en línea o por teléfono:"),
    ("hotline_national", "National Human Trafficking Hotline:", "Línea Nacional contra la Trata de Personas:"),
    ("notice", "Part of this link was not used, so those settings show their defaults.", "Parte de este enlace no se usó, así que esos ajustes muestran sus valores iniciales."),
    ("error_draw", "The chart could not be drawn: {0}", "No se pudo dibujar el gráfico: {0}"),
    ("error_export", "The file could not be made: {0}", "No se pudo crear el archivo: {0}"),
    ("error_language", "The chart could not change language: {0}", "El gráfico no pudo cambiar de idioma: {0}"),
    ("col_measure", "Measure", "Medida"),
    ("col_component", "Component", "Componente"),
    ("col_fy", "Fiscal year", "Año fiscal"),
    ("col_value", "Value", "Valor"),
    ("col_qualifier", "Qualifier", "Precisión"),
    ("col_source", "Source", "Fuente"),
    ("q_exact", "Exact, as stated", "Exacta, tal como se indica"),
    ("q_at-least", "Lower bound: the source says “more than”", "Mínimo: la fuente dice “más de”"),
    ("q_approximate", "Approximate: the source says “about”", "Aproximada: la fuente dice “unos”"),
    ("q_derived", "Derived by us from other figures", "Calculada por nosotros a partir de otras cifras"),
    ("kind_primary", "primary source", "fuente primaria"),
    ("kind_secondary", "secondary source", "fuente secundaria"),
    // The chart.
    ("bar_chart", "Chart", "Gráfico"),
    ("fiscal_year", "Fiscal year {0}", "Año fiscal {0}"),
    ("fiscal_years", "Fiscal years {0}–{1}", "Años fiscales {0}–{1}"),
    ("fy", "FY {0}", "AF {0}"),
    ("across", "{0} across DHS components", "{0} en los componentes del DHS"),
    ("trend_title", "{0}: {1}", "{0}: {1}"),
    ("pipeline_title", "From investigation to conviction", "De la investigación a la condena"),
    ("pipeline_note", "Stages count different things: one investigation can lead to several arrests, so a later stage can exceed an earlier one.", "Las etapas cuentan cosas distintas: una investigación puede llevar a varios arrestos, así que una etapa posterior puede superar a una anterior."),
    ("no_stage", "No published figure for {0}.", "No hay cifra publicada para {0}."),
    ("no_pipeline", "No stage of the pipeline has a published figure for fiscal year {0}: choose another year.", "Ninguna etapa de la cadena tiene una cifra publicada para el año fiscal {0}: elija otro año."),
    ("no_selection", "No published figure for this selection in fiscal year {0}.", "No hay cifra publicada para esta selección en el año fiscal {0}."),
    ("no_figures", "No figures were published for this selection.", "No se publicaron cifras para esta selección."),
    ("no_published_figure", "no published figure", "sin cifra publicada"),
    ("source", "Source: {0}", "Fuente: {0}"),
    ("sources", "Sources: {0}", "Fuentes: {0}"),
    ("secondary_marker", "secondary", "secundaria"),
    ("reported_as", "reported as {0}", "informado como {0}"),
    ("more_than", "more than {0}", "más de {0}"),
    ("about", "about {0}", "unos {0}"),
    ("derived", "{0} (derived by us, not stated by the source)", "{0} (calculado por nosotros, no indicado por la fuente)"),
    ("derived_mark", "{0} (derived)", "{0} (calculado)"),
    ("change_since", "{0} since FY {1}", "{0} desde AF {1}"),
    ("change_up", "Up {0} from FY {1} ({2})", "Aumento del {0} respecto al AF {1} ({2})"),
    ("change_down", "Down {0} from FY {1} ({2})", "Descenso del {0} respecto al AF {1} ({2})"),
    ("change_none", "Unchanged from FY {0} ({1})", "Sin cambio respecto al AF {0} ({1})"),
    ("not_compared", "Not compared with FY {0} ({1}): {2}", "Sin comparar con el AF {0} ({1}): {2}"),
    ("no_previous", "No FY {0} figure to compare with", "No hay cifra del AF {0} con la que comparar"),
    ("reason_now_bound", "this year is a lower bound", "este año es un mínimo"),
    ("reason_now_derived", "this year’s figure is derived by us", "la cifra de este año la calculamos nosotros"),
    ("reason_now_approximate", "this year’s figure is approximate", "la cifra de este año es aproximada"),
    ("less_than", "less than {0}", "menos del {0}"),
    ("reason_then_bound", "a lower bound", "un mínimo"),
    ("reason_derived", "derived by us", "calculada por nosotros"),
    ("reason_approximate", "an approximate figure", "una cifra aproximada"),
    ("derived_short", "{0}, derived by us", "{0}, calculada por nosotros"),
    ("reason_zero", "no percentage change from zero", "no hay cambio porcentual desde cero"),
    ("see_trend", "See this measure over the years", "Ver esta medida a lo largo de los años"),
    ("card_more_than", "More than", "Más de"),
    ("card_about", "About", "Unos"),
    ("card_derived", "Derived by us, not stated by the source", "Calculada por nosotros, no indicada por la fuente"),
    ("key_bound", "More than (a minimum)", "Más de (un mínimo)"),
    ("key_derived", "Derived by us", "Calculada por nosotros"),
    ("key_gap", "No figure (not zero)", "Sin cifra (no es cero)"),
    ("summary_count", "{0}, {1}: {2} figures.", "{0}, {1}: {2} cifras."),
    ("summary_one", "{0}, {1}: 1 figure.", "{0}, {1}: 1 cifra."),
    ("summary_none", "{0}, {1}: no published figures for this selection.", "{0}, {1}: no hay cifras publicadas para esta selección."),
    ("summary_extremes", "{0}: the largest is {1}, {2}; the smallest is {3}, {4}.", "{0}: la mayor es {1}, {2}; la menor es {3}, {4}."),
    ("summary_bounds", "{0} of the {1} figures are lower bounds: the source says “more than”, so the true value is higher.", "{0} de las {1} cifras son mínimos: la fuente dice “más de”, así que el valor real es mayor."),
    ("summary_bound", "1 of the {0} figures is a lower bound: the source says “more than”, so the true value is higher.", "1 de las {0} cifras es un mínimo: la fuente dice “más de”, así que el valor real es mayor."),
    ("summary_derived", "{0} of the figures are derived by us from other figures, not stated by the source.", "{0} de las cifras las calculamos nosotros a partir de otras; la fuente no las indica."),
    ("summary_gaps", "No published figure for {0}.", "No hay cifra publicada para {0}."),
    ("announcement", "{0}, {1}, fiscal year {2}: {3}.", "{0}, {1}, año fiscal {2}: {3}."),
    ("log_note", "Logarithmic scale: each step is ten times the one before.", "Escala logarítmica: cada paso es diez veces el anterior."),
    // Option errors, shown in the page's notice.
    ("err_unknown_value", "unknown {0} {1}; expected one of {2}", "{0} desconocido {1}; se esperaba uno de {2}"),
    ("err_unknown_fy", "no figures for fiscal year {0}; expected one of {1}", "no hay cifras para el año fiscal {0}; se esperaba uno de {1}"),
    ("err_unknown_option", "unknown option; the options are {0}", "opción desconocida; las opciones son {0}"),
    ("err_unknown_parameter", "unknown parameter; it was ignored", "parámetro desconocido; se ignoró"),
];

/// The string for a key; "?" if it is missing (`every_key_used_is_in_the_table` makes sure none is).
pub fn text(lang: Lang, key: &str) -> &'static str {
    match STRINGS.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, es)) => lang.pick(en, es),
        None => "?",
    }
}

/// Puts `args` in place of `{0}`, `{1}`…
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close))) {
            Some((i, close)) => {
                out.push_str(args.get(i).copied().unwrap_or(""));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` then `fill`, the usual pair.
pub fn say(lang: Lang, key: &str, args: &[&str]) -> String {
    fill(text(lang, key), args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "spanish")]
    fn every_string_has_a_spanish_translation() {
        let mut keys = std::collections::HashSet::new();
        for (key, en, es) in STRINGS {
            assert!(keys.insert(key), "{key} twice");
            assert!(!en.trim().is_empty(), "{key} has no English");
            assert!(!es.trim().is_empty(), "{key} has no Spanish");
            // Placeholders must match, or a value would vanish in one language.
            for i in 0..5 {
                let p = format!("{{{i}}}");
                assert_eq!(en.contains(&p), es.contains(&p), "{key}: {p}");
            }
        }
    }

    /// The files under the repository's folder `dir` whose names end in `.ext`, at any depth.
    #[cfg(not(target_arch = "wasm32"))]
    fn files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == ext) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// Every key the code names, in Rust (`say(…, "key"`, `text(…, "key"`), the shell's scripts
    /// (`say("key"`, `strings.key`) and the page (`data-i18n="key"`, `data-i18n-label="key"`), is in
    /// the table: a missing one would show "?" to a reader.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_key_used_is_in_the_table() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let key_at = |text: &str| -> Option<String> {
            let key: String =
                text.chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
            (!key.is_empty() && text[key.len()..].starts_with(['"', ')', ',', ' ', ';', '.', '\n', ']'])).then_some(key)
        };
        let mut used = Vec::new();
        // This file aside: it holds the table, and this test's own words.
        for path in
            files("src", "rs").into_iter().chain(files("examples", "rs")).filter(|p| !p.ends_with("text/strings.rs"))
        {
            let code = std::fs::read_to_string(&path).unwrap();
            for call in ["say(", "text("] {
                for (at, _) in code.match_indices(call) {
                    // The call's second argument, when it is a literal: `say(lang, "fy", …)`.
                    let args = &code[at + call.len()..];
                    let end = args.find(')').unwrap_or(args.len());
                    if let Some(comma) = args[..end].find(", \"") {
                        used.extend(key_at(&args[comma + 3..]).map(|k| (k, path.clone())));
                    }
                }
            }
        }
        let mut pages = files("www", "js");
        pages.push(root.join("index.html"));
        for path in pages {
            let code = std::fs::read_to_string(&path).unwrap();
            for marker in ["say(\"", "strings.", "strings[\"", "data-i18n=\"", "data-i18n-label=\""] {
                // A path ("src/text/strings.rs") is not a key.
                for (at, _) in code.match_indices(marker).filter(|(at, _)| !code[..*at].ends_with('/')) {
                    used.extend(key_at(&code[at + marker.len()..]).map(|k| (k, path.clone())));
                }
            }
        }
        assert!(used.len() > 80, "only {} keys found: the scan is broken", used.len());
        let missing: Vec<_> = used.iter().filter(|(k, _)| !STRINGS.iter().any(|(key, _, _)| key == k)).collect();
        assert!(missing.is_empty(), "keys used but not in STRINGS: {missing:?}");
    }

    /// And the other way: every key in the table is used somewhere, by name or by a prefix the code
    /// completes (`view_{}`, `` `view_${…}` ``), so no string is carried in the Wasm for nothing.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_key_in_the_table_is_used() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = [files("src", "rs"), files("examples", "rs"), files("www", "js"), vec![root.join("index.html")]];
        let code: String = paths
            .iter()
            .flatten()
            .filter(|p| !p.ends_with("text/strings.rs"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let unused: Vec<&str> = STRINGS
            .iter()
            .map(|(key, _, _)| *key)
            .filter(|key| {
                let prefix = key.split_once('_').map_or("", |(p, _)| p);
                ![
                    format!("\"{key}\""),
                    format!("strings.{key}"),
                    format!("\"{prefix}_{{}}\""),
                    format!("`{prefix}_${{"),
                ]
                .iter()
                .any(|form| code.contains(form.as_str()))
            })
            .collect();
        assert!(unused.is_empty(), "keys in STRINGS that nothing uses: {unused:?}");
    }

    #[test]
    fn fill_places_arguments() {
        assert_eq!(fill("{0} of the {1}", &["3", "5"]), "3 of the 5");
        assert_eq!(fill("{x} {0}", &["a"]), "{x} a");
        assert_eq!(text(Lang::En, "nope"), "?");
    }

    #[test]
    #[cfg(feature = "spanish")]
    fn spanish_is_there_with_the_feature() {
        assert_eq!(say(Lang::Es, "fy", &["2024"]), "AF 2024");
        assert_eq!(parse_lang("es"), Some(Lang::Es));
        assert_eq!(parse_lang("fr"), None);
    }

    /// The lean build (the first view's Wasm) carries no Spanish and does not offer it.
    #[test]
    #[cfg(not(feature = "spanish"))]
    fn no_spanish_without_the_feature() {
        assert!(STRINGS.iter().all(|(_, _, es)| es.is_empty()));
        assert_eq!(parse_lang("es"), None);
        assert_eq!(LANGS, &[Lang::En]);
    }
}
