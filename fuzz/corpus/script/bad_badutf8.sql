-- Revision ID: a
-- Revises:
-- migrate:upgrade
SELECT 'ÿ';
