"""The parts of tools/make_fixtures.py: JSON text, shape cases, value cases."""
