-- A case moves between préfectures' tenants (ADR 0043: at the dépôt, at a change of address): every engine row of
-- its instance is updated by the instance's id. The engine indexes its tables by instance, apart from these two
-- (it reads them by execution): without these, each move would read the whole table.
CREATE INDEX ANEF_IDX_EVENT_SUBSCR_PROCINST ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_);
CREATE INDEX ANEF_IDX_EXT_TASK_PROCINST ON ACT_RU_EXT_TASK (PROC_INST_ID_);
