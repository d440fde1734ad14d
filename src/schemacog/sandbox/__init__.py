"""User templates, bounded: rendered in a child process with CPU, memory, time and output limits."""
