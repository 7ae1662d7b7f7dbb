"""Intent + catalog + knowledge -> Plan: option assignments, each with its provenance."""
