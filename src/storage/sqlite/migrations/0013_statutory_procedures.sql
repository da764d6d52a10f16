-- The statutory procedures' own steps at a stage (core/procedure.hpp): children's stage 2 (the
-- agreed written record, the Investigating Officer and the Independent Person, the adjudication),
-- children's stage 3 (the review panel of three, its report, and the panel clocks derived from
-- them) and the adults' single stage (the offer to discuss the handling, the response period
-- agreed, the late notice). One row per stage that has any of them; a group of columns is all
-- NULL or all set. A new table, so that no existing row is rewritten.
CREATE TABLE IF NOT EXISTS stage_procedures (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  record_agreed_on TEXT CHECK (record_agreed_on IS date(record_agreed_on, '+0 days')),
  investigating_officer TEXT,
  independent_person TEXT,
  adjudicating_officer TEXT,
  adjudicated_on TEXT CHECK (adjudicated_on IS date(adjudicated_on, '+0 days')),
  panel_met_on TEXT CHECK (panel_met_on IS date(panel_met_on, '+0 days')),
  panel_member_1 TEXT,
  panel_member_2 TEXT,
  panel_member_3 TEXT,
  panel_report_on TEXT CHECK (panel_report_on IS date(panel_report_on, '+0 days')),
  panel_meet_by TEXT CHECK (panel_meet_by IS date(panel_meet_by, '+0 days')),
  panel_report_by TEXT CHECK (panel_report_by IS date(panel_report_by, '+0 days')),
  discussion_offered_on TEXT CHECK (discussion_offered_on IS date(discussion_offered_on, '+0 days')),
  discussion_take_up TEXT CHECK (discussion_take_up IN ('taken_up', 'declined', 'no_reply')),
  discussion_notes TEXT,
  period_agreed_on TEXT CHECK (period_agreed_on IS date(period_agreed_on, '+0 days')),
  agreed_respond_by TEXT CHECK (agreed_respond_by IS date(agreed_respond_by, '+0 days')),
  late_notice_on TEXT CHECK (late_notice_on IS date(late_notice_on, '+0 days')),
  late_notice_reason TEXT,
  late_notice_expected_by TEXT
    CHECK (late_notice_expected_by IS date(late_notice_expected_by, '+0 days')),
  CHECK ((record_agreed_on IS NULL) = (investigating_officer IS NULL)
         AND (record_agreed_on IS NULL) = (independent_person IS NULL)),
  CHECK ((adjudicated_on IS NULL) = (adjudicating_officer IS NULL)),
  CHECK ((panel_met_on IS NULL) = (panel_member_1 IS NULL)
         AND (panel_met_on IS NULL) = (panel_member_2 IS NULL)
         AND (panel_met_on IS NULL) = (panel_member_3 IS NULL)),
  CHECK ((discussion_offered_on IS NULL) = (discussion_take_up IS NULL)
         AND (discussion_offered_on IS NULL) = (discussion_notes IS NULL)),
  CHECK ((period_agreed_on IS NULL) = (agreed_respond_by IS NULL)),
  CHECK ((late_notice_on IS NULL) = (late_notice_reason IS NULL)),
  PRIMARY KEY (complaint_id, stage),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
