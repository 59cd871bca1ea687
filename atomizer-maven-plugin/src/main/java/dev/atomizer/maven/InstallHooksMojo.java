package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Installs the pre-commit and commit-msg hooks and the log's merge driver into the repository
 * (idempotent; keeps the user's own hook lines; honours {@code core.hooksPath} and worktrees).
 * The hooks run the self-contained atomizer jar, copied into {@code .git/atomizer/}: no Maven at
 * commit time.
 */
@Mojo(name = "install-hooks", threadSafe = true)
public class InstallHooksMojo extends AbstractAtomizerMojo {

    /** The version of the atomizer command line the hooks run (default: this plugin's). */
    @Parameter(property = "atomizer.cliVersion", defaultValue = "${plugin.version}")
    private String cliVersion;

    // "deprecation": @Component is deprecated in favour of JSR-330 @Inject, which needs the
    // plugin's components indexed for Sisu; this one field keeps the plugin-tools way until then
    @SuppressWarnings("deprecation")
    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession session;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> repositories;

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        for (String line : Atomizer.at(workspace(), Map.of(), root.toPath()).installHooks(resolveCliJar())) {
            getLog().info(line);
        }
    }

    protected Path resolveCliJar() throws AtomizerException {
        String coordinates = "dev.atomizer:atomizer-cli:jar:all:" + cliVersion;
        try {
            var result = repositorySystem.resolveArtifact(
                    session, new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null));
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new AtomizerException(
                    "cannot resolve " + coordinates + ", the jar the hooks run: " + e.getMessage()
                            + " (build Atomizer with 'mvn -B install' or set atomizer.cliVersion)",
                    e);
        }
    }
}
