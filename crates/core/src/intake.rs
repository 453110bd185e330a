//! A completed intake: what a survivor chose to send, as the engine recorded it. The store keeps
//! it sealed; the summary and the screening read it.

use serde::{Deserialize, Serialize};

/// A completed intake, kept until it is delivered and the retention period has passed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    /// Short random case code shown to attorneys and admins.
    pub code: String,
    pub flow_id: String,
    /// The content hash of the flow version it was made on (its answers are read with that
    /// version); empty in intakes stored before versions were kept.
    #[serde(default)]
    pub flow_hash: String,
    pub locale: String,
    pub answers: std::collections::BTreeMap<String, crate::engine::answer::Answer>,
    pub submitted_at: jiff::Timestamp,
    /// When an attorney received it (retention counts from here).
    #[serde(default)]
    pub delivered_at: Option<jiff::Timestamp>,
    /// The survivor's chat, kept (sealed under their key) only if they chose this chat as a safe
    /// way to be contacted, for the one neutral message sent when an attorney takes the case.
    #[serde(default)]
    pub contact_chat: Option<String>,
    /// What the survivor told after sending early, one note per later send: the answers then
    /// are all in `answers`; each note names those new or changed, and whether its addendum has
    /// reached the attorney.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<Addendum>,
    /// Sent before the end of the intake (the checkpoint's "Send this now", or "Send what I've
    /// told you"), at its last send: the questions on the way to the review that have no answer
    /// were not reached, and the referral lists them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub early: bool,
}

impl Intake {
    /// What the referral lists as not reached: for a case sent early, the questions on the way
    /// to the review that have no answer (`engine::unreached`), without those that only steer
    /// the conversation ("Another case?"). Empty for a case sent from the review.
    pub fn not_reached(&self, flow: &crate::flow::Flow) -> Vec<crate::engine::answer::Pos> {
        if !self.early {
            return vec![];
        }
        crate::engine::unreached(flow, &self.answers)
            .into_iter()
            .filter(|p| flow.step(&p.step).is_some_and(|st| !flow.steers_repeat(st)))
            .collect()
    }
}

/// One later send of a case sent early.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Addendum {
    /// 1 for the first addendum.
    pub n: u32,
    pub at: jiff::Timestamp,
    /// The answers (by `Pos::key()`) new or changed since the send before.
    pub keys: Vec<String>,
    /// Sealed and handed on (to the attorney holding the case, or merged into a case still
    /// waiting for one).
    #[serde(default)]
    pub delivered: bool,
}
