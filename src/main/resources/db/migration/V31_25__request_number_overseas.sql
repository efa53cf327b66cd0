-- The N° de la demande of an overseas préfecture is 20 characters (971 + 01 + YYYYMMDD + 7 digits, RequestNumbers;
-- ADR 0016): the columns of V1 and V3 held 19, so a dépôt in Guadeloupe, Martinique, Guyane, La Réunion or Mayotte
-- failed. Found by the national-scale load (ADR 0025), which writes numbers of the 101 départements.
alter table renewal_case alter column request_number set data type varchar(20);
alter table medical_file alter column request_number set data type varchar(20);
