import Foundation
import TraceFuzzCommandLine

exit(await TraceFuzzCommandLine.builtIn.main())
