from omradedok.cli import run

run()
