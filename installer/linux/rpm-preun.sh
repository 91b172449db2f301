# %preun ($1 = 0: erase, 1: upgrade): remove the manifests only when the package goes away.
if [ "$1" = "0" ]; then
  /usr/bin/ownvoice uninstall --system >/dev/null || true
fi
exit 0
