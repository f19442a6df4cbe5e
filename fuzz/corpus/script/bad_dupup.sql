-- Revision ID: a
-- Revises:
-- migrate:upgrade
SELECT 1;
-- migrate:upgrade
