"""The application on top: the `spbe` command line. It may import `flows/` and `pipeline/`;
nothing imports it."""
