"""`python -m modelh` runs the command-line tool."""

from modelh.cli.main import main

main()
