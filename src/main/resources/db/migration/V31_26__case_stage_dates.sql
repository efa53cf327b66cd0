-- The managers' figures (ADR 0018, 0026): the dates of the stages they measure, on the case, written when the stage
-- first happens (FilingService.log), instead of looked up in case_event for every case of the year at each
-- computation. The first review (first « DOCUMENTS_REVIEWED ») and the start of the medical phase (first
-- « STATUS_MEDICAL_INSTRUCTION »); the avis and the decision have their own one-row-per-case tables.
alter table renewal_case add column first_reviewed_at timestamp with time zone;
alter table renewal_case add column medical_started_at timestamp with time zone;

-- Backfill from the history the application kept.
update renewal_case c set
    first_reviewed_at = (select min(e.occurred_at) from case_event e where e.case_id = c.id and e.kind = 'DOCUMENTS_REVIEWED'),
    medical_started_at = (select min(e.occurred_at) from case_event e where e.case_id = c.id and e.kind = 'STATUS_MEDICAL_INSTRUCTION')
where exists (select 1 from case_event e where e.case_id = c.id and e.kind in ('DOCUMENTS_REVIEWED', 'STATUS_MEDICAL_INSTRUCTION'));
