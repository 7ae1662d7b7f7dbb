"""The documentation stage: a plan or a reading (plus findings and the release) to README / HTML."""
