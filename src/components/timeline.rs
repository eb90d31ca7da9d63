//! The timeline above the Articles and Quotes views: the result set over
//! time, counted under every filter but the date range (so choosing a range
//! does not shrink its own chart), with the range highlighted.
//!
//! The bars are one listbox: one tab stop, arrow keys move between bars,
//! Shift+arrows extend a range, Enter applies it; a pointer drags across
//! bars or clicks one. The core computes the bins (`orrery_core::timeline`);
//! this only draws them and turns gestures into a `from` and a `to`.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::timeline::{self, short, Bin, DateRange, Unit};
use wasm_bindgen::JsCast;

use super::articles::plural;
use crate::data::{anticipate, dates_of, has_dates};
use crate::nav::Nav;

/// "April 2022: 3 articles".
fn bin_label(bin: &Bin) -> String {
    format!("{}: {}", bin.period.human(), plural(bin.count as usize, "article", "articles"))
}

/// The month of a day.
fn timeline_month(day: orrery_core::Date) -> orrery_core::Date {
    orrery_core::Date { day: 0, ..day }
}

/// The range from bar `a` to bar `b` (either order).
fn range_of(bins: &[Bin], a: usize, b: usize) -> Option<DateRange> {
    let (a, b) = (a.min(b), a.max(b));
    DateRange::new(Some(bins.get(a)?.period), Some(bins.get(b)?.period))
}

#[component]
pub fn Timeline(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    // A corpus with no dates has nothing to draw.
    if !has_dates() {
        return ().into_any();
    }
    let chart = Memo::new(move |_| {
        results.with(|r| match dates_of(r) {
            dates if dates.len() == r.dates.len() => timeline::timeline_at(dates, &r.dates, r.undated, r.bars),
            _ => timeline::Timeline::default(),
        })
    });
    let range = Memo::new(move |_| nav.selection.with(|s| s.range));
    // The bar the keyboard is on, and the bars a gesture has marked but not
    // yet applied (anchor, end).
    let active = RwSignal::new(None::<usize>);
    let pending = RwSignal::new(None::<(usize, usize)>);
    let dragging = RwSignal::new(false);
    let bins_len = move || chart.with(|c| c.bins.len());

    let apply = move |a: usize, b: usize| {
        pending.set(None);
        let Some(new) = chart.with_untracked(|c| range_of(&c.bins, a, b)) else { return };
        // Choosing the range already chosen clears it.
        let current = range.get_untracked();
        nav.go(nav.with(|s| s.selection.range = if current == new { DateRange::default() } else { new }));
    };
    let on_keydown = move |e: web_sys::KeyboardEvent| {
        let n = bins_len();
        if n == 0 {
            return;
        }
        let at = active.get_untracked().unwrap_or(n - 1).min(n - 1);
        let to = match e.key().as_str() {
            "ArrowLeft" | "ArrowDown" => at.saturating_sub(1),
            "ArrowRight" | "ArrowUp" => (at + 1).min(n - 1),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                e.prevent_default();
                let (a, b) = pending.get_untracked().unwrap_or((at, at));
                apply(a, b);
                return;
            }
            "Escape" => {
                pending.set(None);
                return;
            }
            _ => return,
        };
        e.prevent_default();
        active.set(Some(to));
        let anchor = if e.shift_key() { pending.get_untracked().map_or(at, |(a, _)| a) } else { to };
        pending.set(Some((anchor, to)));
    };
    // The bar under a pointer, from its position across the bars.
    let bar_at = move |e: &web_sys::PointerEvent| -> Option<usize> {
        let element: web_sys::Element = e.current_target()?.dyn_into().ok()?;
        let rect = element.get_bounding_client_rect();
        let n = bins_len();
        if n == 0 || rect.width() <= 0.0 {
            return None;
        }
        let x = (f64::from(e.client_x()) - rect.left()) / rect.width();
        Some(((x * n as f64).floor().max(0.0) as usize).min(n - 1))
    };
    let on_pointerdown = move |e: web_sys::PointerEvent| {
        if e.button() != 0 {
            return;
        }
        let Some(i) = bar_at(&e) else { return };
        if let Some(element) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = element.set_pointer_capture(e.pointer_id());
        }
        dragging.set(true);
        active.set(Some(i));
        pending.set(Some((i, i)));
    };
    let on_pointermove = move |e: web_sys::PointerEvent| {
        if !dragging.get_untracked() {
            return;
        }
        if let (Some(i), Some((a, b))) = (bar_at(&e), pending.get_untracked()) {
            if i != b {
                active.set(Some(i));
                pending.set(Some((a, i)));
            }
        }
    };
    let on_pointerup = move |_| {
        if dragging.get_untracked() {
            dragging.set(false);
            if let Some((a, b)) = pending.get_untracked() {
                apply(a, b);
            }
        }
    };
    let on_focus = move |_| {
        if active.get_untracked().is_none() {
            // Start on the chosen range's first bar, or the latest one.
            let start = chart.with_untracked(|c| {
                let r = range.get_untracked();
                c.bins.iter().position(|b| c.bin_in(b, &r)).unwrap_or(c.bins.len().saturating_sub(1))
            });
            active.set(Some(start));
        }
    };

    // One pass draws every bar with its state as plain classes: cheaper in
    // code than a reactive class per bar, and a chart is at most a few
    // hundred bars.
    let bars = move || {
        let (marked, at) = (pending.get(), active.get());
        chart.with(|c| {
            let max = c.max().max(1);
            let r = range.get();
            c.bins
                .iter()
                .enumerate()
                .map(|(i, bin)| {
                    let height = if bin.count == 0 { 0 } else { (bin.count * 100 / max).max(4) };
                    let selected = c.bin_in(bin, &r);
                    let mut class = String::from("bin");
                    if selected {
                        class.push_str(" selected");
                    }
                    if marked.is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&i)) {
                        class.push_str(" marked");
                    }
                    if at == Some(i) {
                        class.push_str(" active");
                    }
                    view! {
                        <div
                            role="option"
                            id=format!("bin-{i}")
                            class=class
                            aria-selected=selected.to_string()
                            aria-label=bin_label(bin)
                            data-count=bin.count
                        >
                            <span class="bar" style=format!("height: {height}%")></span>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let title = move || chart.with(|c| format!("Articles by {}", c.unit.unwrap_or(Unit::Month).name()));
    let counting = Memo::new(move |_| results.with(|r| r.uncounted));
    let note = move || {
        if counting.get() {
            return "Counting by date…".to_owned();
        }
        chart.with(|c| {
            let mut parts = Vec::new();
            if c.undated > 0 {
                parts.push(format!("{} undated", c.undated));
            }
            if c.coarse > 0 {
                let finer = c.unit.map_or("", |u| if u == Unit::Day { "the month or year" } else { "the year" });
                parts.push(format!("{} dated only to {finer}", c.coarse));
            }
            parts.join(" · ")
        })
    };
    // Labels under the bars: the first and last periods, and the turn of
    // each year (or month, on a chart of days) where there is room.
    let axis = move || {
        chart.with(|c| {
            let n = c.bins.len();
            let turns: Vec<usize> = (1..n.saturating_sub(1))
                .filter(|&i| {
                    let p = c.bins[i].period;
                    match c.unit {
                        Some(Unit::Month) => p.month == 1,
                        Some(Unit::Day) => p.day == 1,
                        _ => p.year % 10 == 0,
                    }
                })
                .collect();
            // At most six labels between the ends, evenly picked.
            let step = turns.len().div_ceil(6).max(1);
            let mut ticks: Vec<(usize, String)> = Vec::new();
            if let Some(first) = c.bins.first() {
                ticks.push((0, short(first.period)));
            }
            for &i in turns.iter().step_by(step) {
                // Keep clear of the ends' labels.
                if i * 100 >= n * 15 && (n - i) * 100 >= n * 25 {
                    let p = c.bins[i].period;
                    let label = if c.unit == Some(Unit::Day) { short(timeline_month(p)) } else { p.year.to_string() };
                    ticks.push((i, label));
                }
            }
            if n > 1 {
                ticks.push((n - 1, short(c.bins[n - 1].period)));
            }
            ticks
                .into_iter()
                .map(|(i, label)| {
                    let class = if i == 0 {
                        "tick first"
                    } else if i + 1 == n {
                        "tick last"
                    } else {
                        "tick"
                    };
                    // The bar's middle, in hundredths of a per cent (integers:
                    // formatting floats would cost 10 KB of wasm).
                    let at = (2 * i + 1) * 5000 / n;
                    let left = format!("left: {}.{:02}%", at / 100, at % 100);
                    view! { <span class=class style=left>{label}</span> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="timeline" class:counting=move || counting.get() aria-labelledby="timeline-title"
            on:pointerenter=|_| anticipate() on:focusin=|_| anticipate()>
            <div class="timeline-head">
                <h2 id="timeline-title" class="timeline-title">{title}</h2>
                <p class="timeline-note">{note}</p>
            </div>
            {move || (bins_len() == 0).then(|| view! {
                <p class="timeline-empty">"No dated article in these results."</p>
            })}
            <div
                class="timeline-bars"
                class:hidden=move || bins_len() == 0
                role="listbox"
                aria-multiselectable="true"
                aria-labelledby="timeline-title"
                aria-describedby="timeline-help"
                tabindex="0"
                aria-activedescendant=move || active.get().filter(|&i| i < bins_len()).map(|i| format!("bin-{i}"))
                on:keydown=on_keydown
                on:focus=on_focus
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=move |_| {
                    dragging.set(false);
                    pending.set(None);
                }
            >
                {bars}
            </div>
            <div class="timeline-axis" aria-hidden="true" class:hidden=move || bins_len() == 0>
                {axis}
            </div>
            <p id="timeline-help" class="visually-hidden">
                "Arrow keys move between bars, Shift and an arrow extend the range, Enter applies it."
            </p>
        </section>
    }
    .into_any()
}
