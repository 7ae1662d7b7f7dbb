"""Capabilities, roles and hardware profiles as data, with their schema and loader."""
