// Profiles learned in CI as a pipeline step: `bulwark profile learn` runs in the background, its sensors watching,
// while the body (the integration tests, in as many steps as they take) runs; then the profiles of the containers
// the body started are written for review and for bulwarkPromote(profile: …). Help: vars/bulwarkLearn.txt.

def call(Map args = [:], Closure body) {
    def known = ['config', 'images', 'output', 'bulwark', 'workDir', 'startTimeout', 'stopTimeout']
    def unknown = args.keySet().findAll { !(it in known) }
    if (unknown) {
        error("bulwarkLearn: unknown parameter ${unknown.join(', ')}; the parameters are ${known.join(', ')}")
    }
    if (!args.config) {
        error('bulwarkLearn needs config: the agent configuration (YAML) whose policy and sensor settings learning uses')
    }
    String output = (args.output ?: 'bulwark-profiles.yaml').toString()
    String dir = (args.workDir ?: '.bulwark-learn').toString()
    int startTimeout = (args.startTimeout ?: 120) as int
    int stopTimeout = (args.stopTimeout ?: 300) as int
    def learn = [(args.bulwark ?: 'bulwark').toString(), 'profile', 'learn', '--config', args.config.toString()]
    (args.images ?: []).each { image -> learn += ['--image', image.toString()] }
    learn += ['-o', output, '--', 'sh', '-c', "while [ ! -e ${dir}/stop ]; do sleep 1; done".toString()]
    String log = "${dir}/learn.log"
    String exit = "${dir}/exit"
    sh(script: "rm -rf ${words([dir])} && mkdir -p ${words([dir])}", returnStatus: true)
    // Outlives this sh step (Jenkins kills what a step leaves running unless told otherwise); stopped through the stop file.
    sh(script: "JENKINS_NODE_COOKIE=dontKillMe BUILD_ID=dontKillMe nohup " + words(['sh', '-c', words(learn) + '; echo $? > ' + words([exit])])
            + " > ${words([log])} 2>&1 &", returnStatus: true)
    int started = sh(script: "i=0; until grep -q 'learning with' ${words([log])}; do if [ -e ${words([exit])} ] || [ \$i -ge ${startTimeout} ];"
            + " then cat ${words([log])}; exit 1; fi; i=\$((i+1)); sleep 1; done", returnStatus: true)
    if (started != 0) {
        sh(script: "touch ${words([dir + '/stop'])}", returnStatus: true)
        error("bulwarkLearn: bulwark profile learn did not start within ${startTimeout} s: its output is above")
    }
    boolean bodyFailed = true
    try {
        body()
        bodyFailed = false
    } finally {
        sh(script: "touch ${words([dir + '/stop'])}", returnStatus: true)
        int status = sh(script: "i=0; until [ -e ${words([exit])} ]; do if [ \$i -ge ${stopTimeout} ]; then exit 124; fi; i=\$((i+1)); sleep 1; done;"
                + " cat ${words([log])}; exit \$(cat ${words([exit])})", returnStatus: true)
        if (status != 0 && !bodyFailed) {
            error("bulwarkLearn: bulwark profile learn ended with exit ${status}" + (status == 124 ? " (it did not end within ${stopTimeout} s)" : '')
                    + ': its output is above; no profile was written')
        }
    }
    return [output: output]
}

/** Every word quoted for the shell, so that no path or image name is ever interpreted by it. */
private String words(List words) {
    return words.collect { word -> "'" + word.toString().replace("'", "'\\''") + "'" }.join(' ')
}
