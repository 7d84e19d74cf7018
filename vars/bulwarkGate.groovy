// The Bulwark gate as a pipeline step: scans the image the build produced, judges it at a policy stage, records
// the reports (JUnit, SARIF through warnings-ng, HTML and JSON archived), files Jira tickets and Slack messages as
// the policy says, and marks the build: FAILURE on fail, UNSTABLE on warn (both configurable), FAILURE with the
// cause on a scan or configuration error, which is never taken for a pass. Help: vars/bulwarkGate.txt.
// bulwarkPromote is the same step for promotion (promote below).

def call(Map args = [:]) {
    def options = parseOptions(args, 'bulwarkGate')
    def command = [options.bulwark, 'gate', options.image, '--stage', options.stage, '--warn-exit-code', '4']
    if (!options.notify) {
        command << '--no-notify'
    }
    return runBulwark(options, command, "${options.image} at stage ${options.stage}")
}

/** bulwarkPromote: judge the image in its registry and, unless it fails, copy it to the next stage's registry. */
def promote(Map args = [:]) {
    def options = parseOptions(args, 'bulwarkPromote')
    if (!args.to) {
        error('bulwarkPromote needs to: the destination, REGISTRY/REPOSITORY:TAG')
    }
    def command = [options.bulwark, 'promote', options.image, args.to.toString(), '--stage', options.stage, '--warn-exit-code', '4']
    if (args.profile) {
        command += ['--profile', args.profile.toString()]
    }
    return runBulwark(options, command, "promotion of ${options.image} to ${args.to}")
}

private Map runBulwark(Map options, List command, String what) {
    def reports = options.reports.collect { format -> [format: format, file: "${options.reportDir}/${REPORT_NAMES[format]}".toString()] }
    reports.each { report -> command += ['-o', "${report.format}=${report.file}".toString()] }
    command += options.args
    int status = withPolicyFile(options) { String policy ->
        withNotifySecrets(options) {
            sh(script: shellWords(command + ['--policy', policy]), returnStatus: true)
        }
    }
    recordReports(options, reports, status)
    return concludeStatus(options, status, what)
}

private Map parseOptions(Map args, String step) {
    def known = ['image', 'stage', 'policy', 'policyFileId', 'onWarn', 'onFail', 'reports', 'reportDir', 'notify',
                 'jiraCredentialsId', 'slackCredentialsId', 'jiraEmailVariable', 'jiraTokenVariable', 'slackVariable',
                 'bulwark', 'args'] + (step == 'bulwarkPromote' ? ['to', 'profile'] : [])
    def unknown = args.keySet().findAll { !(it in known) }
    if (unknown) {
        error("${step}: unknown parameter ${unknown.join(', ')}; the parameters are ${known.join(', ')}")
    }
    if (!args.image) {
        error("${step} needs image: the image the build produced, as NAME:TAG, registry:NAME or docker-archive:PATH")
    }
    if (!args.stage) {
        error("${step} needs stage: the policy's stage to judge at (dev, test, staging, production)")
    }
    if (!args.policy == !args.policyFileId) {
        error("${step} needs exactly one of policy (a policy file in the workspace) and policyFileId (a Config File Provider file)")
    }
    def onWarn = (args.onWarn ?: 'UNSTABLE').toString().toUpperCase()
    def onFail = (args.onFail ?: 'FAILURE').toString().toUpperCase()
    if (!(onWarn in ['SUCCESS', 'UNSTABLE', 'FAILURE']) || !(onFail in ['UNSTABLE', 'FAILURE'])) {
        error("${step}: onWarn must be SUCCESS, UNSTABLE or FAILURE and onFail UNSTABLE or FAILURE, not ${onWarn} and ${onFail}")
    }
    def reports = (args.reports == null ? ['junit', 'sarif', 'html', 'json'] : args.reports).collect { it.toString() }
    def wrong = reports.findAll { !REPORT_NAMES.containsKey(it) }
    if (wrong) {
        error("${step}: ${wrong.join(', ')} is not a report format; use ${REPORT_NAMES.keySet().join(', ')}")
    }
    return [step: step, image: args.image.toString(), stage: args.stage.toString(), policy: args.policy?.toString(),
            policyFileId: args.policyFileId?.toString(), onWarn: onWarn, onFail: onFail, reports: reports,
            reportDir: (args.reportDir ?: 'bulwark-reports').toString(), notify: args.notify == null ? true : args.notify as boolean,
            jiraCredentialsId: args.jiraCredentialsId?.toString(), slackCredentialsId: args.slackCredentialsId?.toString(),
            jiraEmailVariable: (args.jiraEmailVariable ?: 'JIRA_EMAIL').toString(),
            jiraTokenVariable: (args.jiraTokenVariable ?: 'JIRA_API_TOKEN').toString(),
            slackVariable: (args.slackVariable ?: 'SLACK_WEBHOOK_URL').toString(),
            bulwark: (args.bulwark ?: 'bulwark').toString(), args: (args.args ?: []).collect { it.toString() }]
}

@groovy.transform.Field
final Map REPORT_NAMES = [junit: 'bulwark-junit.xml', sarif: 'bulwark.sarif', html: 'bulwark.html', json: 'bulwark.json',
                          cyclonedx: 'bulwark.cdx.json', table: 'bulwark.txt']

/** Every word quoted for the shell, so that no image name or path is ever interpreted by it. */
private String shellWords(List words) {
    return words.collect { word -> "'" + word.toString().replace("'", "'\\''") + "'" }.join(' ')
}

/** The workspace policy file, or the Config File Provider's file for the body's duration. */
private Object withPolicyFile(Map options, Closure body) {
    if (!options.policyFileId) {
        return body(options.policy)
    }
    def result
    configFileProvider([configFile(fileId: options.policyFileId, variable: 'BULWARK_POLICY')]) {
        result = body(env.BULWARK_POLICY)
    }
    return result
}

/** Jira and Slack secrets from Jenkins credentials, in the variables the policy's notify section names; never logged. */
private Object withNotifySecrets(Map options, Closure body) {
    def bindings = []
    if (options.jiraCredentialsId) {
        bindings << usernamePassword(credentialsId: options.jiraCredentialsId, usernameVariable: options.jiraEmailVariable,
                passwordVariable: options.jiraTokenVariable)
    }
    if (options.slackCredentialsId) {
        bindings << string(credentialsId: options.slackCredentialsId, variable: options.slackVariable)
    }
    if (!bindings) {
        return body()
    }
    def result
    withCredentials(bindings) {
        result = body()
    }
    return result
}

/** JUnit results and SARIF issues on the build page; every report archived (the HTML one with its stylesheet). */
private void recordReports(Map options, List reports, int status) {
    boolean judged = status in [0, 1, 4]
    def junitReport = reports.find { it.format == 'junit' }
    def sarifReport = reports.find { it.format == 'sarif' }
    if (judged && junitReport) {
        junit(testResults: junitReport.file, allowEmptyResults: false, skipMarkingBuildUnstable: true)
    }
    if (judged && sarifReport) {
        recordIssues(tools: [sarif(pattern: sarifReport.file, id: 'bulwark', name: 'Bulwark')], skipPublishingChecks: true)
    }
    archiveArtifacts(artifacts: "${options.reportDir}/**", allowEmptyArchive: !judged, fingerprint: false)
}

/** The exit code as the build result: 0 pass, 4 warn, 1 fail; 2 and 3 are errors, never a verdict. */
private Map concludeStatus(Map options, int status, String what) {
    switch (status) {
        case 0:
            echo("Bulwark: ${what}: PASS")
            return [verdict: 'pass', exitCode: status]
        case 4:
            markResult(options.onWarn, "Bulwark: ${what}: WARN (reasons above, reports in ${options.reportDir})")
            return [verdict: 'warn', exitCode: status]
        case 1:
            markResult(options.onFail, "Bulwark: ${what}: FAIL (reasons above, reports in ${options.reportDir})")
            return [verdict: 'fail', exitCode: status]
        case 2:
            error("Bulwark: ${what}: configuration error (exit 2): the message above says what to fix; nothing was judged")
            break
        case 3:
            error("Bulwark: ${what}: the image could not be scanned (exit 3): the cause is above; this is not a verdict")
            break
        default:
            error("Bulwark: ${what}: the bulwark command ended with exit ${status}; is it installed (the bulwark parameter)?")
    }
    return [verdict: 'error', exitCode: status]
}

private void markResult(String result, String message) {
    if (result == 'FAILURE') {
        error(message)
    } else if (result == 'UNSTABLE') {
        unstable(message)
    } else {
        echo(message)
    }
}
