-- Task grants given before default-user-permission-name-for-task became TASK_WORK (ADR 0008): the engine gave each
-- assignee and candidate READ + UPDATE (2 | 4) on their task; from now on it gives READ + TASK_WORK (2 | 16384), so
-- claiming and completing stay possible while renaming, re-routing and writing variables do not. RESOURCE_TYPE_ 7 is
-- TASK, TYPE_ 1 a grant.
UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = 16386, REV_ = REV_ + 1
 WHERE RESOURCE_TYPE_ = 7 AND TYPE_ = 1 AND PERMS_ = 6;
