-- The counter page lists the drafts opened at the counter at every display: without an index, a sequential
-- scan of every case ever filed. Only counter cases have counter_agent_id (nulls are most of the table).
create index ix_renewal_case_counter_drafts on renewal_case (counter_agent_id, status);
