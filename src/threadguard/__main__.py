"""``python -m threadguard`` runs the command line."""

from threadguard.cli import main

main()
