// Included from the system header, but not in a system directory itself.
