// Being written (lead).
int main() { return 0; }
