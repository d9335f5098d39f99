// Placeholder until the module grows.
