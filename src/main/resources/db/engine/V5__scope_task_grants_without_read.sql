-- Tasks offered to a préfecture's scope group (ADR 0043): the group's grant on each task keeps TASK_WORK (claim,
-- complete) and loses READ, which the agents now hold through READ_TASK on the renewal, narrowed to their
-- préfecture's tenant. One grant per task of the préfecture in an agent's task-list check made it compare each task
-- with thousands of grants. RESOURCE_TYPE_ 7 is TASK, TYPE_ 1 a grant, READ the bit 2.
UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ - 2, REV_ = REV_ + 1
 WHERE RESOURCE_TYPE_ = 7 AND TYPE_ = 1 AND MOD(PERMS_ / 2, 2) = 1
   AND GROUP_ID_ LIKE 'prefecture-%' AND GROUP_ID_ NOT IN ('prefecture-agents', 'prefecture-managers');
