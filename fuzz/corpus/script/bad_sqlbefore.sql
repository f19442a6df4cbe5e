-- m
-- Revision ID: a
-- Revises:

CREATE TABLE x (id int);
-- migrate:upgrade
