--
--
-- Revision ID: e1
-- Revises: u1
-- Create Date: 2026-11-24 00:37:13.717522
-- migrate:upgrade
SELECT 1;
