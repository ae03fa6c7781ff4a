"""One module per `pia` subcommand. Modules here import only click and light pia modules at the top."""
