-- The counter route (« solution de substitution »): a préfecture agent acts for an applicant who came to the
-- counter. The case remembers the agent who opened it there; each act the agent does for the applicant is
-- logged with the applicant in on_behalf_of; an account requested at the counter names the agent.
alter table renewal_case add column counter_agent_id varchar(64);
alter table case_event add column on_behalf_of varchar(64);
alter table account_token add column requested_by varchar(64);
