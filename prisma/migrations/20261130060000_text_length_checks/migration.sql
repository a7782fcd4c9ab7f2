-- Text limits held by the database as well as the API: names (display names, group names)
-- at most 80 characters, article titles at most 300. Tag names are varchar(40) already.
--
-- Rows written before these limits existed may be longer. They are shortened here rather
-- than left behind a NOT VALID constraint: with NOT VALID, any later UPDATE of such a row
-- (even one that does not touch the name) would fail the CHECK. btrim first, so that a name
-- keeps a visible character and groups_name_check still holds.
UPDATE "users" SET "name" = left(btrim("name"), 80) WHERE char_length("name") > 80;
UPDATE "groups" SET "name" = left(btrim("name"), 80) WHERE char_length("name") > 80;
UPDATE "documents" SET "title" = left(btrim("title"), 300) WHERE char_length("title") > 300;
UPDATE "document_versions" SET "title" = left(btrim("title"), 300) WHERE char_length("title") > 300;

ALTER TABLE "users" ADD CONSTRAINT "users_name_length_check" CHECK (char_length("name") <= 80);
ALTER TABLE "groups" ADD CONSTRAINT "groups_name_length_check" CHECK (char_length("name") <= 80);
ALTER TABLE "documents" ADD CONSTRAINT "documents_title_length_check" CHECK (char_length("title") <= 300);
ALTER TABLE "document_versions"
  ADD CONSTRAINT "document_versions_title_length_check" CHECK (char_length("title") <= 300);
