-- Revision ID: a
-- Revises:
-- migrate:downgrade
SELECT 1;
-- migrate:upgrade
