"""Sổ tay quy chế làm việc: one model of the regulations, shared by every consumer."""
