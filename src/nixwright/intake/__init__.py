"""Plain words -> Intent: what the person asked for, what was assumed, what was not understood."""
