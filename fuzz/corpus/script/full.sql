-- create account table
-- second line of the first paragraph
--
-- Revision ID: ab12
-- Revises: p1, p2
-- Create Date: 2026-11-24 00:29:08.645121
-- Branch Labels: core, extra
-- Depends On: netlib

-- a free comment between header and sections
-- migrate:no-transaction
-- migrate:upgrade
CREATE INDEX CONCURRENTLY ix ON t (c);
-- a comment inside the section

-- migrate:downgrade
DROP INDEX ix;
