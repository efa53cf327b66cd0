-- The managers' view (ADR 0018) reads one préfecture's cases: by status (counts), by dépôt date (stage durations)
-- and by closing date (durations to the decision, the forecast's error), each within the département's index
-- range rather than a scan of every préfecture's cases. case_event is read per case for two kinds of line (first
-- review, start of the medical phase): (case_id, kind, occurred_at) answers the min() from the index alone.
-- (department, status) is V16_5's index.
create index ix_renewal_case_department_deposited on renewal_case (department, deposited_at);
create index ix_renewal_case_department_closed on renewal_case (department, closed_at);
create index ix_case_event_case_kind on case_event (case_id, kind, occurred_at);
