-- An index the national-scale benchmark showed missing (README « Performance »): a complement request is
-- found by its notification at each reply (« Valider et envoyer » locks it); without it, a sequential scan
-- of a table that grows with every complement round ever asked.
create index ix_complement_request_notification on complement_request (notification_id);
