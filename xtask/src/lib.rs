//! What Orrery's chores share with their tests and benchmarks: the
//! synthetic-corpus generator ([`synth`]), the adversarial texts
//! ([`adversarial`]), the world map's geometry ([`geo`]), and the filling of
//! the built page ([`page`]). Neither is part of a build of the app: the generator serves
//! scale tests and benchmarks, the geometry regenerates `corpus/data/map.tsv`.
//! Keeping them here keeps their dependencies (`rand` among them) out of the
//! build crate and the app.

pub mod adversarial;
pub mod geo;
pub mod page;
pub mod synth;
