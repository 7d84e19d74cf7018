// Promotion as a pipeline step: judges the image in its registry at the policy's stage and, unless the verdict
// fails, copies it (same digest) to the next stage's registry with the verdict attached. The parameters are
// bulwarkGate's (without notify and its credentials) plus to. Help: vars/bulwarkPromote.txt.

def call(Map args = [:]) {
    return bulwarkGate.promote(args)
}
