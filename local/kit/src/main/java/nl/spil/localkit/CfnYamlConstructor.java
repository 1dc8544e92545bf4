package nl.spil.localkit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** SnakeYAML constructor that reads CloudFormation's short tags as {@link Cfn} intrinsics. */
final class CfnYamlConstructor extends SafeConstructor {

    CfnYamlConstructor(LoaderOptions options) {
        super(options);
        for (String tag : Cfn.SHORT_TAGS) {
            yamlConstructors.put(new Tag("!" + tag), new ConstructIntrinsic(tag));
        }
    }

    private final class ConstructIntrinsic extends AbstractConstruct {
        private final String tag;

        ConstructIntrinsic(String tag) {
            this.tag = tag;
        }

        @Override
        public Object construct(Node node) {
            Object value;
            if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return Cfn.of(tag, value);
        }
    }
}
