// RUN: %check_exitbar_tidy %s exitbar-unverified-webhook %t -- -- -isystem %S/Inputs/exitbar-unverified-webhook

void flagged() {}
// Add CHECK-MESSAGES lines for every flagged case.

void accepted() {}
