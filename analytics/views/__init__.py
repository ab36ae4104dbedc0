"""What the dashboard shows, from frames: filters, aggregates, tables, charts and exports."""
