"""One module per ``notices`` subcommand; see :data:`generator.cli.COMMANDS`."""
