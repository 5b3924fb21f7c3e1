# Calls the completion function as bash would for each command line below
# and prints the words it offers.
source "$1"
tool=$2
complete_line() {
  COMP_WORDS=("$tool" "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _asyncctx
  echo "[$*] -> ${COMPREPLY[*]}"
}
complete_line ""
complete_line ch
complete_line check --fo
complete_line check --format = s
complete_line check --color =
complete_line merge --q
complete_line fix --dry
