"""The handbook's content model: one parser and one set of checks, shared by the build script,
the mkdocs hooks and the tests."""
