-- Per-case grants of a préfecture's scope group (ADR 0016): one PROCESS_INSTANCE and one HISTORIC_PROCESS_INSTANCE
-- row per case and préfecture. The engine's authorization check joins
--   (SELECT … FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND (A.USER_ID_ IN (?, '*') OR A.GROUP_ID_ IN (…))
--    AND A.RESOURCE_TYPE_ = ? …) AUTH ON AUTH.RESOURCE_ID_ IN (RES.ID_, '*')
-- so it reads the rows of the user's groups for one resource type: this index gives them by group and type, in
-- resource id order, without the rows of the other préfectures nor the per-task rows of the same group.
CREATE INDEX ANEF_IDX_AUTH_GROUP_RES ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_);
