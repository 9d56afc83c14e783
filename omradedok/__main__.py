from omradedok.cli import run

if __name__ == "__main__":  # a spawned worker imports this module too: not again
    run()
