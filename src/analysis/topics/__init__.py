"""Topic functions: pure frame builders, one module per report topic."""
