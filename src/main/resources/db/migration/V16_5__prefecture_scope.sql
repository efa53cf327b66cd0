-- Each case is instructed by the préfecture of the applicant's residence (ADR 0016): the département may be
-- Corsica's 2A/2B or overseas 971–976, three characters.
alter table renewal_case alter column department set data type varchar(3);
-- A préfecture's open cases (start-up scope check, counter drafts of one préfecture).
create index ix_renewal_case_department_status on renewal_case (department, status);
